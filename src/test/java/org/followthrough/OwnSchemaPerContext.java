package org.followthrough;

import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL every test context gets a schema of its own in the one database, as on H2 it gets a
 * database of its own: each context runs its own scheduler, listeners and clock, and one context's
 * scheduler, at real time, must not perform the timed actions another context planned on a test
 * clock, nor republish its events. The schema is dropped when the context closes.
 */
public class OwnSchemaPerContext implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        var url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:postgresql:")) {
            return;
        }
        var schema = "test_" + UUID.randomUUID().toString().replace("-", "");
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "own-schema",
                        Map.of(
                                "spring.datasource.url",
                                url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                                "spring.flyway.schemas",
                                schema)));
        if (context instanceof GenericApplicationContext generic) {
            // depends on the data source, so it is destroyed (and drops the schema) before the pool closes
            generic.registerBean(
                    "dropOwnSchema",
                    DisposableBean.class,
                    () -> dropOnClose(generic.getBean(DataSource.class), schema));
        }
    }

    private static DisposableBean dropOnClose(DataSource dataSource, String schema) {
        return () -> new JdbcTemplate(dataSource).execute("drop schema if exists " + schema + " cascade");
    }
}
