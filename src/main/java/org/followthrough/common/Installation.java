package org.followthrough.common;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where this installation keeps its files and whether it shows the demo team, read by several
 * modules; a module that reads it enables it with {@code @EnableConfigurationProperties}.
 *
 * @param dataDir the directory of the embedded database, imports in progress and the first start's
 *     printed passwords (default {@code ./data})
 * @param demo whether the first start of a new embedded database seeds the demo team, their prospects
 *     and the demo articles (default true)
 */
@ConfigurationProperties("followthrough")
public record Installation(@DefaultValue("./data") String dataDir, @DefaultValue("true") boolean demo) {}
