package org.followthrough.prospects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * CSV imports.
 *
 * @param maxBytes the largest file an import takes, streamed to the data directory while it is read
 *     (default 2GB)
 */
@ConfigurationProperties("followthrough.imports")
record ImportSettings(@DefaultValue("2GB") DataSize maxBytes) {}
