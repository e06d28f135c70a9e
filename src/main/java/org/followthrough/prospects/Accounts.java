package org.followthrough.prospects;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.followthrough.common.Ids;
import org.followthrough.common.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The companies prospects work at, found again by web domain or name. */
@Service
public class Accounts {

    private final JdbcClient jdbc;
    private final org.followthrough.common.ManyValues many;
    private final Clock clock;

    Accounts(JdbcClient jdbc, org.followthrough.common.ManyValues many, Clock clock) {
        this.jdbc = jdbc;
        this.many = many;
        this.clock = clock;
    }

    public Optional<Account> find(UUID id) {
        return jdbc.sql("select * from accounts where id = ?")
                .param(id)
                .query(Accounts::map)
                .optional();
    }

    /** The account with this web domain ({@code acme.com}, also for {@code www.acme.com}). */
    public Optional<Account> byDomain(String domain) {
        if (domain == null) {
            return Optional.empty();
        }
        var host = domain.trim().toLowerCase(Locale.ROOT);
        host = host.startsWith("www.") ? host.substring(4) : host;
        return jdbc.sql("select * from accounts where domain = ?").param(host).query(Accounts::map).list().stream()
                .findFirst();
    }

    /** The accounts with these web domains, by the domain as given ({@code www.} or not); unknown ones are left out. */
    public java.util.Map<String, Account> byDomains(java.util.Collection<String> domains) {
        var hosts = new java.util.HashMap<String, String>();
        domains.forEach(given -> {
            var host = given.trim().toLowerCase(Locale.ROOT);
            hosts.put(given, host.startsWith("www.") ? host.substring(4) : host);
        });
        var found = new java.util.HashMap<String, Account>();
        many.query(
                "select * from accounts where domain = any(?)",
                "varchar",
                new java.util.HashSet<>(hosts.values()),
                rs -> {
                    var account = map(rs, 0);
                    found.putIfAbsent(account.domain(), account);
                });
        var byGiven = new java.util.HashMap<String, Account>();
        hosts.forEach((given, host) -> {
            if (found.containsKey(host)) {
                byGiven.put(given, found.get(host));
            }
        });
        return byGiven;
    }

    public List<Account> search(String q, int limit) {
        return jdbc.sql("select * from accounts where lower(name) like ? escape '\\' order by name limit ?")
                .params(Sql.likeContains(q == null ? "" : q.toLowerCase(Locale.ROOT)), limit)
                .query(Accounts::map)
                .list();
    }

    /** The account a checked prospect works at, created when it is new; null when no company is known. */
    UUID accountFor(Intake.Checked c) {
        var key = c.accountKey();
        if (key == null) {
            return null;
        }
        var existing = idByKey(key);
        if (existing.isPresent()) {
            if (c.industry() != null) {
                jdbc.sql("update accounts set industry = ? where id = ? and industry is null")
                        .params(c.industry(), existing.get())
                        .update();
            }
            return existing.get();
        }
        jdbc.sql(
                        """
                insert into accounts (id, name, match_key, domain, industry, country, created_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(Ids.next(), c.company(), key, c.domain(), c.industry(), c.country(), Sql.ts(clock.instant()))
                .update();
        return idByKey(key).orElseThrow();
    }

    Optional<UUID> idByKey(String key) {
        return jdbc.sql("select id from accounts where match_key = ?")
                .param(key)
                .query(UUID.class)
                .optional();
    }

    private static Account map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Account(
                Sql.uuid(rs, "id"),
                rs.getString("name"),
                rs.getString("domain"),
                rs.getString("industry"),
                rs.getString("country"));
    }
}
