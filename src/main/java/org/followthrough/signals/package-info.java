/**
 * What happens outside and matters to a sale: web inquiries, page views, email opens, clicks and
 * replies arrive by signed webhook, are stored once per sender id, and are announced as
 * {@link org.followthrough.signals.SignalsReceived} (one event per batch taken in together) for the modules
 * that act on them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Signals")
package org.followthrough.signals;
