package org.followthrough.signals;

import org.springframework.test.context.TestPropertySource;

/**
 * Every webhook test again with the fast path off: signals then take the ordinary way through the
 * security filters and the controller's mapping, and must be answered exactly alike.
 */
@TestPropertySource(properties = "followthrough.signals.fast-path=false")
class SignalWebhookThroughTheFrameworkTest extends SignalWebhookTest {}
