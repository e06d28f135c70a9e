/**
 * The shell of the web UI: layout, sign-in page, home page, error pages. Each module's own pages
 * live in that module's {@code web} package and use the layout from here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web UI shell")
package org.followthrough.web;
