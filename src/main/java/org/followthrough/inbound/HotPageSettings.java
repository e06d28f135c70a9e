package org.followthrough.inbound;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Trigger events (R20) before an administrator chose the hot pages under Settings.
 *
 * @param hotPages a visit to a page whose path contains one of these raises a call (default
 *     {@code /pricing,/demo,/contact})
 */
@ConfigurationProperties("followthrough.signals")
record HotPageSettings(@DefaultValue({"/pricing", "/demo", "/contact"}) List<String> hotPages) {}
