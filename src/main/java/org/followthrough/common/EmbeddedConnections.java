package org.followthrough.common;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * On the embedded database (H2) the pool keeps every connection it opened for as long as FollowThrough
 * runs. H2 binds each check constraint with a list of values ({@code status in ('OPEN', ...)}) to the
 * session that created it, the migrations' connection; once that connection is closed every insert
 * into such a table fails with "Check constraint invalid ... The database has been closed", until the
 * database is opened again. A pool retiring connections (after 30 minutes by default) would close it.
 * An embedded connection costs nothing to keep, so none is retired.
 */
@Component
class EmbeddedConnections implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool
                && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:h2:")) {
            pool.setIdleTimeout(0);
            pool.setMaxLifetime(0);
            pool.setKeepaliveTime(0);
        }
        return bean;
    }
}
