package dev.spindle.internal.cluster;

/**
 * The Lua of a cluster lock. The lock's key names its holder and the hold's fencing token
 * ({@code holder#token}) and lives as long as its lease; its state hash keeps the last token and
 * whether that hold was released (so the next holder learns that its predecessor died holding it).
 */
final class LockScripts {
    private LockScripts() {}

    /** KEYS: lock, state. ARGV: holder, lease ms, seconds kept. {token, owner died} if taken, {0, 0} if held. */
    static final String ACQUIRE = """
            if redis.call('EXISTS', KEYS[1]) == 1 then return {0, 0} end
            local token = redis.call('HINCRBY', KEYS[2], 'token', 1)
            local died = 0
            if token > 1 and redis.call('HGET', KEYS[2], 'released') == '0' then died = 1 end
            redis.call('HSET', KEYS[2], 'released', '0')
            redis.call('EXPIRE', KEYS[2], ARGV[3])
            redis.call('SET', KEYS[1], ARGV[1] .. '#' .. token, 'PX', ARGV[2])
            return {token, died}
            """;

    /**
     * KEYS: lock, state. ARGV: the hold's token ('0': whichever hold there is), wake channel.
     * 1 released, 0 not held, -1 held under another token.
     */
    static final String RELEASE = """
            local holder = redis.call('GET', KEYS[1])
            if not holder then return 0 end
            if ARGV[1] ~= '0' and string.match(holder, '#(%d+)$') ~= ARGV[1] then return -1 end
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[2], 'released', '1')
            redis.call('PUBLISH', ARGV[2], KEYS[1])
            return 1
            """;

    /** KEYS: lock. ARGV: holder#token, lease ms. 1 renewed, 0 lost. */
    static final String RENEW = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
              return 1
            end
            return 0
            """;
}
