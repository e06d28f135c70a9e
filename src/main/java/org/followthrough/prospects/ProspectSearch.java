package org.followthrough.prospects;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Sql;
import org.followthrough.team.Actor;
import org.followthrough.team.Team;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lists, searches and exports the prospects a member may see. */
@Service
public class ProspectSearch {

    /**
     * What to look for; every part is optional. {@code owner} is a member's email or {@code me};
     * {@code only}, when given, keeps the prospects among those ids (what another module picked out,
     * such as the ones without a next step).
     */
    public record Filter(Stage stage, String owner, String q, Collection<UUID> only, int page, int size) {

        public Filter {
            page = Math.max(page, 0);
            size = size <= 0 ? 50 : Math.min(size, 200);
            only = only == null ? null : List.copyOf(only);
        }

        public Filter(Stage stage, String owner, String q, int page, int size) {
            this(stage, owner, q, null, page, size);
        }
    }

    /** One page of prospects and how many match in all. */
    public record Page(List<Prospect> items, int page, int size, long total) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final Team team;

    ProspectSearch(JdbcClient jdbc, DataSource dataSource, Team team) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1_000);
        this.team = team;
    }

    public Page list(Actor actor, Filter filter) {
        var where = new ArrayList<String>();
        var params = new ArrayList<Object>();
        restrict(actor, filter, where, params);
        var condition = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        var total = jdbc.sql("select count(*) from prospects p left join accounts a on a.id = p.account_id" + condition)
                .params(params)
                .query(Long.class)
                .single();
        var pageParams = new ArrayList<>(params);
        pageParams.add(filter.size());
        pageParams.add((long) filter.page() * filter.size());
        var items = jdbc.sql(ProspectRows.SELECT + condition + " order by p.full_name, p.id limit ? offset ?")
                .params(pageParams)
                .query(ProspectRows::map)
                .list();
        return new Page(items, filter.page(), filter.size(), total);
    }

    /**
     * The people at an account the member may see, decision makers first: the stakeholders a rep
     * works through. A rep sees only their own prospects there.
     */
    public List<Prospect> atAccount(Actor actor, UUID accountId) {
        var mine = actor.seesWholeTeam() ? "" : " and p.owner_id = ?";
        var params = new ArrayList<Object>();
        params.add(accountId);
        if (!actor.seesWholeTeam()) {
            params.add(actor.id());
        }
        return jdbc.sql(ProspectRows.SELECT + " where p.account_id = ?" + mine
                        + " order by case p.decision_role when 'DECISION_MAKER' then 0 when 'INFLUENCER' then 1"
                        + " else 2 end, p.full_name, p.id")
                .params(params)
                .query(ProspectRows::map)
                .list();
    }

    /** Streams every prospect the member may see, in name order, without holding them in memory. */
    @Transactional(readOnly = true)
    public void export(Actor actor, Consumer<Prospect> sink) {
        each(actor, new Filter(null, null, null, 0, 0), sink);
    }

    /**
     * Streams every prospect of the search the member may see (the filter's page and size aside), in
     * name order, without holding them in memory: what an export or a bulk action works through.
     */
    @Transactional(readOnly = true)
    public void each(Actor actor, Filter filter, Consumer<Prospect> sink) {
        var where = new ArrayList<String>();
        var params = new ArrayList<Object>();
        restrict(actor, filter, where, params);
        var condition = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        streaming.query(
                ProspectRows.SELECT + condition + " order by p.full_name, p.id",
                rs -> {
                    sink.accept(ProspectRows.map(rs, 0));
                },
                params.toArray());
    }

    private void restrict(Actor actor, Filter filter, List<String> where, List<Object> params) {
        if (!actor.seesWholeTeam()) {
            where.add("p.owner_id = ?");
            params.add(actor.id());
        }
        if (filter.stage() != null) {
            where.add("p.stage = ?");
            params.add(filter.stage().name());
        }
        if (filter.owner() != null && !filter.owner().isBlank()) {
            where.add("p.owner_id = ?");
            params.add(ownerId(actor, filter.owner()));
        }
        if (filter.only() != null) {
            var only = org.followthrough.common.Where.in("p.id", filter.only());
            where.add(only.sql());
            params.addAll(only.params());
        }
        if (org.followthrough.common.PlainText.hasControlCharacters(filter.q())) {
            throw org.followthrough.common.InvalidInput.of("q", org.followthrough.common.PlainText.CONTROL_CHARACTER);
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            var like = Sql.likeContains(filter.q().trim().toLowerCase(Locale.ROOT));
            where.add("(lower(p.full_name) like ? escape '\\' or p.email like ? escape '\\'"
                    + " or lower(a.name) like ? escape '\\' or p.phone_e164 like ? escape '\\')");
            params.addAll(List.of(like, like, like, like));
        }
    }

    private UUID ownerId(Actor actor, String owner) {
        if (owner.equalsIgnoreCase("me")) {
            return actor.id();
        }
        return team.memberByEmail(owner.trim().toLowerCase(Locale.ROOT))
                .map(m -> m.id())
                .orElseThrow(() ->
                        InvalidInput.of("owner", "'" + owner + "' is not a member's email; use an email or 'me'"));
    }
}
