package dev.spindle.internal.cluster;

/**
 * The Lua scripts that make a host's few multi-step moves atomic in Redis. Each checks ownership
 * in the stream's pending list (who a task is delivered to now) and acts in the same step, so no
 * other host's claim can come between the check and the act.
 */
final class Scripts {
    private Scripts() {}

    /**
     * Renews a host's leases: every entry of the stream still pending for the host gets its idle
     * time reset (XCLAIM to itself, JUSTID: the delivery count stays). Entries another host took
     * over are no longer listed, so a late host cannot take them back. Returns the ids renewed.
     * KEYS: stream. ARGV: group, host, most entries.
     */
    static final String RENEW = """
            local pending = redis.call('XPENDING', KEYS[1], ARGV[1], '-', '+', tonumber(ARGV[3]), ARGV[2])
            local ids = {}
            for i, entry in ipairs(pending) do ids[i] = entry[1] end
            if #ids > 0 then
              local claim = {KEYS[1], ARGV[1], ARGV[2], 0}
              for _, id in ipairs(ids) do claim[#claim + 1] = id end
              claim[#claim + 1] = 'JUSTID'
              redis.call('XCLAIM', unpack(claim))
            end
            return ids
            """;

    /**
     * Finishes tasks: for each whose entry is still pending for this host, pushes its outcome
     * (when it has one) to its client's results list, which lives a day unread, then acknowledges
     * and deletes the entry — all in one step, so an outcome is stored once or not at all. An
     * entry that is no longer this host's (its lease ended and another took it) is left alone.
     * Returns 1 or 0 per task: stored, or refused.
     * KEYS: stream. ARGV: group, host, count, then per task: entry id, results key, outcome ('' for none).
     */
    static final String COMPLETE = """
            local done = {}
            local at = 4
            for i = 1, tonumber(ARGV[3]) do
              local id, results, outcome = ARGV[at], ARGV[at + 1], ARGV[at + 2]
              at = at + 3
              local pending = redis.call('XPENDING', KEYS[1], ARGV[1], id, id, 1)
              if pending[1] and pending[1][2] == ARGV[2] then
                if outcome ~= '' then
                  redis.call('RPUSH', results, outcome)
                  redis.call('EXPIRE', results, 86400)
                end
                redis.call('XACK', KEYS[1], ARGV[1], id)
                redis.call('XDEL', KEYS[1], id)
                done[i] = 1
              else
                done[i] = 0
              end
            end
            return done
            """;
}
