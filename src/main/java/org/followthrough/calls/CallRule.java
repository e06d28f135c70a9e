package org.followthrough.calls;

/**
 * One rule every logged call keeps. A rule that is broken refuses the call with a problem that says
 * what to send instead; nothing of the call is stored then. {@link CallRules} lists them all.
 */
interface CallRule {

    void check(LoggedCall call);
}
