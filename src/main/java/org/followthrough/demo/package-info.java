/**
 * The demo team a newcomer meets on the first start of a new embedded database: a manager, reps and
 * their prospects around the world, created through the same services as real data.
 * {@code FOLLOWTHROUGH_DEMO=false} turns it off.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.followthrough.demo;
