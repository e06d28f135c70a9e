package org.followthrough;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * FollowThrough plans every follow-up call and email at the right moment in each prospect's time
 * zone, inside legal calling hours, and hands the rep a prepared script.
 */
@SpringBootApplication
@Modulithic(sharedModules = "common")
public class FollowThroughApplication {

    public static void main(String[] args) {
        SpringApplication.run(FollowThroughApplication.class, args);
    }
}
