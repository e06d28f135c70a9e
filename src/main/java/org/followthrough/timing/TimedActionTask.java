package org.followthrough.timing;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.function.SingletonSupplier;

/**
 * The one db-scheduler task behind every timed action: it hands each due action to
 * {@link ExactlyOnce}, which runs the handler of its kind. A failing action is retried with
 * exponential back-off (10 s, 20 s, 40 s, ... for 12 attempts) and then given up with a warning; an
 * action whose instance died while running it is run again by another instance.
 */
@Configuration(proxyBeanMethods = false)
class TimedActionTask {

    static final String NAME = "timed-action";

    @Bean
    OneTimeTask<String> dispatchingTimedActions(ObjectProvider<TimedActionHandler> handlers, ExactlyOnce exactlyOnce) {
        // handlers schedule further actions through the scheduler that runs this task, so they are looked up when first
        // needed
        var byKind = SingletonSupplier.of(() ->
                handlers.orderedStream().collect(Collectors.toMap(TimedActionHandler::kind, Function.identity())));
        return Tasks.oneTime(NAME, String.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(
                        12, new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(10), 2.0)))
                .execute((TaskInstance<String> instance, ExecutionContext context) -> {
                    var action = TimedAction.fromStored(
                            instance.getId(), context.getExecution().getExecutionTime(), instance.getData());
                    exactlyOnce.perform(action, byKind.obtain().get(action.kind()));
                });
    }
}
