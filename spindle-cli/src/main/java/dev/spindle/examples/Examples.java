package dev.spindle.examples;

import dev.spindle.examples.asyncio.AsyncioAiohttpTitles;
import dev.spindle.examples.asyncio.AsyncioCreateTask;
import dev.spindle.examples.asyncio.AsyncioGatherPrimeSquare;
import dev.spindle.examples.asyncio.AsyncioHelloAwait;
import dev.spindle.examples.asyncio.AsyncioLegacyCoroutine;
import dev.spindle.examples.asyncio.AsyncioWgetHeaders;
import dev.spindle.examples.cluster.CeleryAddDelay;
import dev.spindle.examples.cluster.CeleryCanvas;
import dev.spindle.examples.cluster.JoblibParallel;
import dev.spindle.examples.cluster.PympParallelRange;
import dev.spindle.examples.coroutines.GenCalcAvg;
import dev.spindle.examples.coroutines.GenDeliverMan;
import dev.spindle.examples.coroutines.GenDeliverManState;
import dev.spindle.examples.coroutines.GenFib;
import dev.spindle.examples.coroutines.GenFib20;
import dev.spindle.examples.coroutines.GenSendVsCall;
import dev.spindle.examples.coroutines.GenexprBasics;
import dev.spindle.examples.coroutines.GeventMonkeyPatch;
import dev.spindle.examples.coroutines.GeventRequests;
import dev.spindle.examples.coroutines.GeventSleepJoinall;
import dev.spindle.examples.coroutines.GeventSocketServer;
import dev.spindle.examples.coroutines.GeventSyncVsAsync;
import dev.spindle.examples.coroutines.GreenletSwitch;
import dev.spindle.examples.coroutines.GreenletSwitchArgs;
import dev.spindle.examples.coroutines.GreenletSwitchOverhead;
import dev.spindle.examples.futures.FuturesPrimeCheck;
import dev.spindle.examples.futures.FuturesThreadPoolAccount;
import dev.spindle.examples.futures.PpeDoneCallbackParent;
import dev.spindle.examples.futures.PpeShutdownWait;
import dev.spindle.examples.futures.TpeDoneCallback;
import dev.spindle.examples.gui.GuiPygameCars;
import dev.spindle.examples.gui.GuiTkDownloadBlocking;
import dev.spindle.examples.gui.GuiTkDownloadThread;
import dev.spindle.examples.other.DecoRecordClass;
import dev.spindle.examples.other.DecoRecordParam;
import dev.spindle.examples.other.DecoRecordTime;
import dev.spindle.examples.other.FibIterator;
import dev.spindle.examples.other.GcCycle;
import dev.spindle.examples.other.MapFilterComprehension;
import dev.spindle.examples.other.SerialDownloads;
import dev.spindle.examples.other.SerialSum;
import dev.spindle.examples.other.SingletonDecorator;
import dev.spindle.examples.other.SingletonModule;
import dev.spindle.examples.other.SingletonNew;
import dev.spindle.examples.manager.ConnectionListenerEcho;
import dev.spindle.examples.manager.MgrDictList;
import dev.spindle.examples.manager.MgrDictList10Procs;
import dev.spindle.examples.manager.MgrRemoteQueue;
import dev.spindle.examples.net.SftpKeyfile;
import dev.spindle.examples.net.SftpPassword;
import dev.spindle.examples.net.SmtpQqMail;
import dev.spindle.examples.net.SshExecKeyfile;
import dev.spindle.examples.net.SshExecPassword;
import dev.spindle.examples.net.SshTransportExecKeyfile;
import dev.spindle.examples.net.SshTransportExecKeystring;
import dev.spindle.examples.net.SshTransportExecPassword;
import dev.spindle.examples.net.SshUploadRename;
import dev.spindle.examples.pipe.MpPipeAdder;
import dev.spindle.examples.pipe.MpPipeDuplex;
import dev.spindle.examples.pipe.MpPipeEof;
import dev.spindle.examples.pool.PoolApplyAsync10;
import dev.spindle.examples.pool.PoolApplyAsyncBasic;
import dev.spindle.examples.pool.PoolApplySync;
import dev.spindle.examples.pool.PoolCallbackPipeline;
import dev.spindle.examples.pool.PoolCollectResults;
import dev.spindle.examples.pool.PoolCrawlerMaoyan;
import dev.spindle.examples.pool.PoolNamedTasks;
import dev.spindle.examples.process.MpDaemonJoinTimeout;
import dev.spindle.examples.process.MpDownloads;
import dev.spindle.examples.process.MpForkFlushedBuffer;
import dev.spindle.examples.process.MpForkHeldLock;
import dev.spindle.examples.process.MpForkUnflushedBuffer;
import dev.spindle.examples.process.MpJoinAllParallel;
import dev.spindle.examples.process.MpNamePid;
import dev.spindle.examples.process.MpNameThreadsSpawn;
import dev.spindle.examples.process.MpPingPongGlobal;
import dev.spindle.examples.process.MpSharedFile;
import dev.spindle.examples.process.MpSharedTerminal;
import dev.spindle.examples.process.MpStartFunction;
import dev.spindle.examples.process.MpStartSubclass;
import dev.spindle.examples.process.MpSubclassArgs;
import dev.spindle.examples.process.MpTerminateIsAlive;
import dev.spindle.examples.process.ThreadVsProcessPid;
import dev.spindle.examples.process.ThreadVsProcessStartup;
import dev.spindle.examples.queue.MpJoinableQueueOneConsumer;
import dev.spindle.examples.queue.MpJoinableQueueProducerProcess;
import dev.spindle.examples.queue.MpJoinableQueueThreeConsumers;
import dev.spindle.examples.queue.MpPingPongQueue;
import dev.spindle.examples.queue.MpPingPongQueueNumbers;
import dev.spindle.examples.queue.MpProdConsNoSentinel;
import dev.spindle.examples.queue.MpProdConsSentinel;
import dev.spindle.examples.queue.MpQueueFullEmpty;
import dev.spindle.examples.queue.MpQueuePingPong1000;
import dev.spindle.examples.queue.MpQueuePutGet;
import dev.spindle.examples.queue.MpSum8Chunks;
import dev.spindle.examples.queue.QueueFifo;
import dev.spindle.examples.queue.QueueLifo;
import dev.spindle.examples.queue.QueuePriority;
import dev.spindle.examples.queue.ThreadQueueDrain;
import dev.spindle.examples.socket.MpSocketServer;
import dev.spindle.examples.socket.PoolSocketServer;
import dev.spindle.examples.socket.TcpThreadImageServer;
import dev.spindle.examples.socket.TcpTimeServer;
import dev.spindle.examples.socket.ThreadSocketServerQ;
import dev.spindle.examples.socket.ThreadSocketServerUpper;
import dev.spindle.examples.subprocess.SubprocessCallArgv;
import dev.spindle.examples.sync.MpEventTrafficLight;
import dev.spindle.examples.sync.MpLockTicketsJson;
import dev.spindle.examples.sync.MpRlockFileTickets;
import dev.spindle.examples.sync.MpSemaphoreWc;
import dev.spindle.examples.sync.PpeManagerLockTickets;
import dev.spindle.examples.threading.GilCpuBound;
import dev.spindle.examples.threading.GilIoBound;
import dev.spindle.examples.threading.SingletonDecoratorThreadsafe;
import dev.spindle.examples.threading.SingletonNewThreadsafe;
import dev.spindle.examples.threading.ThreadAccountLock;
import dev.spindle.examples.threading.ThreadAccountLockInitial;
import dev.spindle.examples.threading.ThreadAccountLockSleep;
import dev.spindle.examples.threading.ThreadAccountRace;
import dev.spindle.examples.threading.ThreadConditionNotify;
import dev.spindle.examples.threading.ThreadConditionWaitFor;
import dev.spindle.examples.threading.ThreadDaemonJoin;
import dev.spindle.examples.threading.ThreadDeadlock;
import dev.spindle.examples.threading.ThreadDownloads;
import dev.spindle.examples.threading.ThreadDownloadsSubclass;
import dev.spindle.examples.threading.ThreadEventMysql;
import dev.spindle.examples.threading.ThreadEventRedis;
import dev.spindle.examples.threading.ThreadEventWaitTimeout;
import dev.spindle.examples.threading.ThreadInputUpperSave;
import dev.spindle.examples.threading.ThreadIntrospection;
import dev.spindle.examples.threading.ThreadLockCounter;
import dev.spindle.examples.threading.ThreadNames;
import dev.spindle.examples.threading.ThreadRaceDecrement;
import dev.spindle.examples.threading.ThreadRawAtexit;
import dev.spindle.examples.threading.ThreadRlockCounter;
import dev.spindle.examples.threading.ThreadRlockNoDeadlock;
import dev.spindle.examples.threading.ThreadSemaphore;
import dev.spindle.examples.threading.ThreadStartFunction;
import dev.spindle.examples.threading.ThreadStartSubclass;
import dev.spindle.examples.threading.ThreadSubclassArgs;
import dev.spindle.examples.threading.ThreadTimer;
import dev.spindle.examples.threading.ThreadThumbnails;
import dev.spindle.examples.values.MpArray;
import dev.spindle.examples.values.MpValue;
import java.util.List;
import java.util.Optional;

/** Every ported seed program, in the inventory's order; then the seeds' prose on scaling out (Celery, joblib, PyMP). */
public final class Examples {
    private static final List<Example> ALL = List.of(
            new MpDownloads(), new MpPingPongGlobal(), new MpForkUnflushedBuffer(), new MpForkFlushedBuffer(),
            new MpForkHeldLock(), new MpNameThreadsSpawn(), new MpSubclassArgs(), new MpStartFunction(),
            new MpStartSubclass(), new MpTerminateIsAlive(), new MpDaemonJoinTimeout(), new MpJoinAllParallel(),
            new MpNamePid(), new MpSharedTerminal(), new MpSharedFile(), new ThreadVsProcessStartup(),
            new ThreadVsProcessPid(), new MpPipeDuplex(), new MpPipeEof(), new MpPipeAdder(),
            new MgrDictList(), new MgrDictList10Procs(), new PpeManagerLockTickets(), new MpRlockFileTickets(), new MpLockTicketsJson(), new MpSemaphoreWc(),
            new MpEventTrafficLight(),
            new MpPingPongQueue(), new MpQueuePutGet(), new MpQueueFullEmpty(), new MpProdConsNoSentinel(),
            new MpProdConsSentinel(), new MpJoinableQueueOneConsumer(), new MpJoinableQueueThreeConsumers(),
            new MpJoinableQueueProducerProcess(), new MpSum8Chunks(), new MpPingPongQueueNumbers(),
            new MpQueuePingPong1000(), new MpValue(), new MpArray(),
            new PoolApplyAsyncBasic(), new PoolApplyAsync10(), new PoolApplySync(), new PoolNamedTasks(),
            new PoolCollectResults(), new PoolCallbackPipeline(), new PoolCrawlerMaoyan(),
            new FuturesThreadPoolAccount(), new FuturesPrimeCheck(), new PpeShutdownWait(), new PpeDoneCallbackParent(),
            new TpeDoneCallback(),
            new ThreadDownloads(), new ThreadDownloadsSubclass(), new ThreadRawAtexit(), new ThreadNames(),
            new ThreadSubclassArgs(), new ThreadLockCounter(), new ThreadRlockCounter(), new ThreadAccountRace(),
            new ThreadAccountLock(), new ThreadAccountLockSleep(), new ThreadAccountLockInitial(),
            new ThreadThumbnails(), new ThreadStartFunction(), new ThreadStartSubclass(), new ThreadInputUpperSave(),
            new ThreadDaemonJoin(), new ThreadIntrospection(), new GilCpuBound(), new GilIoBound(), new ThreadRaceDecrement(),
            new ThreadDeadlock(), new ThreadRlockNoDeadlock(), new ThreadSemaphore(), new ThreadEventRedis(),
            new ThreadEventMysql(), new ThreadEventWaitTimeout(), new ThreadConditionNotify(),
            new ThreadConditionWaitFor(), new ThreadTimer(), new SingletonDecoratorThreadsafe(),
            new SingletonNewThreadsafe(), new ThreadQueueDrain(), new QueueFifo(), new QueueLifo(), new QueuePriority(),
            new GenCalcAvg(), new GenDeliverMan(), new GenDeliverManState(), new GenSendVsCall(), new GenFib(),
            new GenFib20(), new GenexprBasics(),
            new GreenletSwitch(), new GreenletSwitchArgs(), new GreenletSwitchOverhead(),
            new GeventSleepJoinall(), new GeventMonkeyPatch(), new GeventSyncVsAsync(), new GeventRequests(),
            new AsyncioGatherPrimeSquare(), new AsyncioAiohttpTitles(), new AsyncioCreateTask(), new AsyncioLegacyCoroutine(),
            new AsyncioHelloAwait(), new AsyncioWgetHeaders(),
            new TcpTimeServer(), new TcpThreadImageServer(), new ThreadSocketServerQ(), new MpSocketServer(),
            new PoolSocketServer(), new ThreadSocketServerUpper(), new GeventSocketServer(),
            new SubprocessCallArgv(),
            new SshExecPassword(), new SshTransportExecPassword(), new SshExecKeyfile(), new SshTransportExecKeyfile(),
            new SshTransportExecKeystring(), new SftpPassword(), new SftpKeyfile(), new SshUploadRename(),
            new GuiTkDownloadBlocking(), new GuiTkDownloadThread(), new GuiPygameCars(), new SmtpQqMail(), new SerialDownloads(),
            new SerialSum(), new MapFilterComprehension(), new DecoRecordTime(), new DecoRecordParam(),
            new DecoRecordClass(), new SingletonDecorator(), new GcCycle(), new FibIterator(), new SingletonNew(),
            new SingletonModule(), new MgrRemoteQueue(), new ConnectionListenerEcho(),
            new CeleryAddDelay(), new CeleryCanvas(), new JoblibParallel(), new PympParallelRange());

    private Examples() {}

    public static List<Example> all() {
        return ALL;
    }

    public static Optional<Example> byId(String id) {
        return ALL.stream().filter(e -> e.id().equals(id)).findFirst();
    }
}
