package org.followthrough.common;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.followthrough.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Listener transactions skip the wait for the disk on PostgreSQL; every other transaction keeps it. */
@ApplicationTest
class ListenerCommitsTest {

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void onlyAnEventListenersOwnTransactionCommitsAsynchronously() throws Exception {
        String database;
        try (var connection = dataSource.getConnection()) {
            database = connection.getMetaData().getDatabaseProductName();
        }
        if (database.equals("PostgreSQL")) {
            var listener = setting("org.followthrough.calls.Inquiries.on", TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            var webhook =
                    setting("org.followthrough.signals.Signals.receive", TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            var joined = setting("org.followthrough.calls.Inquiries.on", TransactionDefinition.PROPAGATION_REQUIRED);
            assertThat(listener).isEqualTo("off");
            assertThat(webhook).as("a signal is stored durably before the 2xx").isEqualTo("on");
            assertThat(joined).as("only the listener's own new transaction").isEqualTo("on");
        } else {
            // H2 has no such setting: a listener's transaction there commits as any other, and works
            var template = new TransactionTemplate(transactions);
            template.setName("org.followthrough.calls.Inquiries.on");
            template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            Integer one = template.execute(status -> jdbc.sql("select 1").query(Integer.class).single());
            assertThat(one).isEqualTo(1);
        }
    }

    @Test
    void listenersAreKnownByTheirAnnotationNotTheirName() {
        assertThat(ListenerCommits.annotatedListener("org.followthrough.calls.Inquiries.on")).isTrue();
        assertThat(ListenerCommits.annotatedListener("org.followthrough.signals.Signals.receive")).isFalse();
        assertThat(ListenerCommits.annotatedListener("org.followthrough.NoSuchType.on")).isFalse();
    }

    private String setting(String name, int propagation) {
        var template = new TransactionTemplate(transactions);
        template.setName(name);
        template.setPropagationBehavior(propagation);
        return template.execute(status -> jdbc.sql("select current_setting('synchronous_commit')")
                .query(String.class)
                .single());
    }
}
