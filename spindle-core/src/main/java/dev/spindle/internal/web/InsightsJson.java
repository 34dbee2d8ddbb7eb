package dev.spindle.internal.web;

import dev.spindle.insights.PoolInsights;
import dev.spindle.insights.SlowTask;
import dev.spindle.insights.TaskFailure;
import dev.spindle.insights.WorkerInsight;
import java.util.List;

/** The dashboard's snapshot of pools as JSON: what its page reads from each event. Times in milliseconds. */
final class InsightsJson {
    private InsightsJson() {}

    static String of(List<PoolInsights> pools, long atMillis) {
        Json json = new Json().beginObject().field("at", atMillis).key("pools").beginArray();
        for (PoolInsights pool : pools) {
            pool(json, pool);
        }
        return json.endArray().endObject().toString();
    }

    private static void pool(Json json, PoolInsights pool) {
        json.beginObject().field("name", pool.name()).field("kind", pool.kind()).field("state", pool.state())
                .field("recording", pool.recording()).field("queued", pool.queued()).field("running", pool.running())
                .field("done", pool.done()).field("failed", pool.failed());
        json.key("workers").beginArray();
        for (WorkerInsight worker : pool.workers()) {
            json.beginObject().field("name", worker.name()).field("pid", worker.pid()).field("host", worker.host())
                    .field("state", worker.state().name().toLowerCase()).field("startUpMs", millis(worker.startUp().toNanos()))
                    .field("initMs", millis(worker.init().toNanos())).field("tasksDone", worker.tasksDone())
                    .field("workingMs", millis(worker.working().toNanos())).field("waitingMs", millis(worker.waiting().toNanos()))
                    .field("movingMs", millis(worker.movingData().toNanos())).field("memoryBytes", worker.memoryBytes())
                    .endObject();
        }
        json.endArray().key("slowest").beginArray();
        for (SlowTask task : pool.slowest()) {
            json.beginObject().field("tookMs", millis(task.took().toNanos())).field("function", task.function())
                    .field("arguments", task.arguments()).field("worker", task.worker()).endObject();
        }
        json.endArray().key("failures").beginArray();
        for (TaskFailure failure : pool.failures()) {
            json.beginObject().field("at", failure.at().toEpochMilli()).field("function", failure.function())
                    .field("arguments", failure.arguments()).field("traceback", failure.traceback())
                    .field("worker", failure.worker()).endObject();
        }
        json.endArray().endObject();
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }
}
