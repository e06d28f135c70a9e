package org.followthrough.scripts;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What scripts say when the rep's profile does not.
 *
 * @param teamPhone the call-back number a voicemail gives when the rep has none in their profile
 *     (none by default: the rep is then told to say theirs)
 */
@ConfigurationProperties("followthrough")
record ScriptSettings(String teamPhone) {}
