package org.followthrough.timing;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.ExecutionException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Schedules, moves and cancels timed actions. Joins the caller's transaction, so an action is
 * stored if and only if the business change that needs it is.
 */
@Service
public class TimedActions {

    private final SchedulerClient scheduler;

    TimedActions(SchedulerClient scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Schedules the action, or moves it (with its new payload) if one with its kind and key exists. Should
     * another transaction move or remove that one between the look and the move (the scheduler moves a
     * stored version only), it looks once more.
     */
    public void schedule(TimedAction action) {
        var instance = new TaskInstance<>(TimedActionTask.NAME, action.instanceId(), action.data());
        for (int attempt = 1; ; attempt++) {
            if (scheduler.scheduleIfNotExists(instance, action.dueAt())) {
                return;
            }
            try {
                scheduler.reschedule(instance, action.dueAt(), action.data());
                return;
            } catch (ExecutionException | TaskInstanceNotFoundException changedMeanwhile) {
                if (attempt == 2) {
                    throw changedMeanwhile;
                }
            }
        }
    }

    /** Schedules many new actions in one batch; for bulk work where none of them exists yet. */
    public void scheduleNew(List<TimedAction> actions) {
        List<SchedulableInstance<?>> instances = actions.stream()
                .<SchedulableInstance<?>>map(a -> SchedulableInstance.of(
                        new TaskInstance<>(TimedActionTask.NAME, a.instanceId(), a.data()), a.dueAt()))
                .toList();
        scheduler.scheduleBatch(instances);
    }

    /** Cancels the action if it is still waiting; cancelling one that ran or never existed is harmless. */
    public void cancel(String kind, String key) {
        var id = TaskInstanceId.of(TimedActionTask.NAME, kind + "/" + key);
        if (scheduler.getScheduledExecution(id).filter(e -> !e.isPicked()).isPresent()) {
            scheduler.cancel(id);
        }
    }

    /** The waiting action of this kind and key, if there is one. */
    public Optional<TimedAction> find(String kind, String key) {
        return scheduler
                .getScheduledExecution(TaskInstanceId.of(TimedActionTask.NAME, kind + "/" + key))
                .map(e -> TimedAction.fromStored(
                        e.getTaskInstance().getId(), e.getExecutionTime(), String.valueOf(e.getData())));
    }
}
