package org.followthrough.common;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.TransactionDefinition;

/**
 * On PostgreSQL, the transactions of event listeners ({@link ApplicationModuleListener}) commit
 * without waiting for the write-ahead log to reach the disk ({@code synchronous_commit = off}).
 *
 * <p>This is safe because of how listeners are run: the event itself was stored durably, in the
 * transaction that published it, and a listener's work and the mark that it completed commit together.
 * Should PostgreSQL itself crash within the fraction of a second before such a commit is flushed, both
 * are lost together, the publication is still incomplete, and it is handed to the listener again on the
 * next start (handlers are idempotent). Nothing the API has confirmed is ever in such a transaction:
 * webhooks, calls and imports commit as before. What it saves is one disk flush per listener per event,
 * which on a small machine is what limits how many inquiries a second become tasks in under a second.
 */
@Configuration(proxyBeanMethods = false)
class ListenerCommits {

    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new Manager(dataSource);
    }

    static final class Manager extends JdbcTransactionManager {

        private final Map<String, Boolean> listeners = new ConcurrentHashMap<>();
        private volatile Boolean postgres;

        Manager(DataSource dataSource) {
            super(dataSource);
        }

        @Override
        protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
                throws SQLException {
            super.prepareTransactionalConnection(connection, definition);
            if (definition.getPropagationBehavior() == TransactionDefinition.PROPAGATION_REQUIRES_NEW
                    && isPostgres(connection)
                    && isListener(definition.getName())) {
                try (var statement = connection.createStatement()) {
                    statement.execute("set local synchronous_commit = off");
                }
            }
        }

        private boolean isPostgres(Connection connection) throws SQLException {
            var known = postgres;
            if (known == null) {
                known = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
                postgres = known;
            }
            return known;
        }

        /** Whether the transaction, named {@code com.example.Type.method}, is an event listener's. */
        boolean isListener(String name) {
            if (name == null || name.lastIndexOf('.') < 0) {
                return false;
            }
            return listeners.computeIfAbsent(name, ListenerCommits::annotatedListener);
        }
    }

    static boolean annotatedListener(String name) {
        var dot = name.lastIndexOf('.');
        try {
            var type = Class.forName(name.substring(0, dot), false, ListenerCommits.class.getClassLoader());
            var method = name.substring(dot + 1);
            return Arrays.stream(type.getDeclaredMethods())
                    .filter(m -> m.getName().equals(method))
                    .anyMatch(ListenerCommits::isListener);
        } catch (ClassNotFoundException | LinkageError unknown) {
            return false;
        }
    }

    private static boolean isListener(Method method) {
        return method.isAnnotationPresent(ApplicationModuleListener.class);
    }
}
