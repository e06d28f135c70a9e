package org.followthrough.common;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link Installation}, which every module may read. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Installation.class)
class InstallationSettings {}
