/**
 * Interest from outside, acted on at once (R7, R20–R22): a signed web inquiry becomes a prospect if it
 * is new and an inbound call at the top of the owner's queue; a visit to a hot page, a click in our
 * email or a cold prospect's inquiry becomes a single trigger call; an email reply stops the cadence's
 * automatic emails; the explainable intent score orders calls due together; each is announced on the
 * owner's live stream (server-sent events) and, if they asked for it, by email. When and for whom a call
 * is raised is decided here ({@code RaisedCalls}); the task itself is changed through {@code calls}'
 * {@code TaskChanges}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inbound interest")
package org.followthrough.inbound;
