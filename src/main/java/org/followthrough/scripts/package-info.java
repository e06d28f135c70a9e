/**
 * What a rep says and sends: message templates with named placeholders (emails, voicemails,
 * scripts; one variant per attempt), the script check that flags blunder openers, yes/no questions
 * and voicemails that run long or lack a call-back number, the objection playbooks (LAER), the
 * team's article library, and the {@link org.followthrough.scripts.ScriptBuilder} that prepares a
 * call's script from what happened in the last conversation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scripts")
package org.followthrough.scripts;
