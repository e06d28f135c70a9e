// A client of FollowThrough's API generated from its OpenAPI description: openapi-typescript turns the
// description (target/api-client/openapi.json, fetched from the running server) into the types imported
// below, the TypeScript compiler checks every call against them, and openapi-fetch sends them. A parameter
// the description wrongly demanded, or an answer it typed wrongly, fails the compilation or the run.
import createClient from "openapi-fetch";
import type { paths } from "../../../target/api-client/schema.js";

declare const process: { env: Record<string, string | undefined> };

const baseUrl = process.env.FOLLOWTHROUGH_URL;
const token = process.env.FOLLOWTHROUGH_TOKEN;
const email = process.env.FOLLOWTHROUGH_PROSPECT_EMAIL;
if (!baseUrl || !token || !email) {
    throw new Error("FOLLOWTHROUGH_URL, FOLLOWTHROUGH_TOKEN and FOLLOWTHROUGH_PROSPECT_EMAIL are required");
}
const api = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });

function fail(what: string, answer: { response: Response; error?: unknown }): never {
    throw new Error(`${what}: ${answer.response.status} ${JSON.stringify(answer.error)}`);
}

const created = await api.POST("/api/v1/prospects", {
    body: { fullName: "Dana Cruz", email, phone: "(312) 555-0147", company: "Acme", country: "United States" },
});
if (!created.data?.id) fail("create a prospect", created);
const prospectId = created.data.id;

// the engine enrols a new prospect once the creating transaction has committed: ask the queue a few times
let taskId: string | undefined;
let label: string | undefined;
for (let attempt = 0; attempt < 100 && !taskId; attempt++) {
    const queue = await api.GET("/api/v1/queue", { params: { query: { limit: 1000 } } });
    if (!queue.data) fail("list the queue", queue);
    const item = queue.data.find((i) => i.prospectId === prospectId);
    taskId = item?.taskId;
    label = item?.label;
    if (!taskId) await new Promise((resolve) => setTimeout(resolve, 100));
}
if (!taskId) throw new Error("the new prospect's first call never reached the queue");

const logged = await api.POST("/api/v1/prospects/{id}/calls", {
    params: { path: { id: prospectId } },
    body: { outcome: "NO_ANSWER", taskId },
});
if (!logged.data) fail("log a call", logged);

// the same task again: refused, and the refusal is the problem details the description promises
const again = await api.POST("/api/v1/prospects/{id}/calls", {
    params: { path: { id: prospectId } },
    body: { outcome: "NO_ANSWER", taskId },
});
if (again.data) throw new Error("the same task was logged twice");

console.log(
    JSON.stringify({
        prospectId,
        taskId,
        queuedLabel: label,
        touchId: logged.data.touchId,
        loggedLabel: logged.data.label,
        planned: logged.data.planned?.length ?? 0,
        refusedStatus: again.response.status,
        refusedType: again.response.headers.get("Content-Type"),
        refusedDetail: again.error?.detail,
    }),
);
