/**
 * What every module shares: the clock, the refusals that become RFC 9457 problem details, and the
 * few helpers for portable SQL. Nothing here knows about sales.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.followthrough.common;
