/**
 * The shell of the web UI: layout, sign-in page, home page, error pages. Each module's own pages
 * live in that module's {@code web} package and use the layout from here. The team's own pages
 * (users, API tokens, the organisation on the settings page) live here instead, because every
 * module's pages depend on this shell and the shell already depends on {@code team}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web UI shell")
package org.followthrough.web;
