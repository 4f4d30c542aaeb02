package org.neurite.core.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of daemon threads that help the calling thread run the parts of one job. Parts
 * are claimed one at a time by whichever thread is free, the caller included, so a worker that
 * is slow to wake (on a busy machine) delays nothing: the caller then runs the parts itself.
 * Nothing is allocated per job; idle workers spin briefly, then park.
 *
 * <p>One pool serves every kernels instance with the same thread count. A caller that finds it
 * busy (another thread's product is running on it) gets {@code false} from {@link #tryAcquire}
 * and computes on its own thread; products are split so that the result is the same either way.
 *
 * <p>Shared by the kernels implementations of every module; not an API for applications.
 */
public final class WorkerPool {
    /** How long an idle worker, or a caller waiting for a worker's part, spins before parking. */
    private static final long SPIN_NANOS = 50_000;
    /** The part index of a finished job: nothing left to claim. */
    private static final long CLOSED = Integer.MAX_VALUE;
    private static final Map<Integer, WorkerPool> POOLS = new HashMap<>();

    /** One unit of parallel work, run as parts {@code 0 … parts-1} in any order and thread. */
    public interface Job {
        void run(int part, int parts);
    }

    private final int threads;
    private final AtomicBoolean busy = new AtomicBoolean();
    /** The job's generation (high 32 bits) and the next unclaimed part (low 32 bits). */
    private final AtomicLong state = new AtomicLong(CLOSED);
    private final AtomicInteger remaining = new AtomicInteger();
    private Thread[] workers;
    private volatile Thread waiter;
    private volatile Throwable failure;
    // Written while the state is CLOSED, read by workers only after a claim shows them current.
    private Job job;
    private int parts;

    private WorkerPool(int threads) {
        this.threads = threads;
    }

    /** The shared pool for {@code threads} threads in all (the caller's included). */
    public static synchronized WorkerPool of(int threads) {
        return POOLS.computeIfAbsent(threads, WorkerPool::new);
    }

    /** The number of threads that can work on a job: the workers plus the calling thread. */
    public int threads() {
        return threads;
    }

    /**
     * Takes the pool for one job, or returns {@code false} at once if another caller has it.
     * A caller that gets {@code true} must call {@link #release()} afterwards.
     */
    public boolean tryAcquire() {
        return busy.compareAndSet(false, true);
    }

    /** Gives the pool back after {@link #tryAcquire()}. */
    public void release() {
        busy.set(false);
    }

    /**
     * Runs parts {@code 0 … parts-1} of {@code job} on the calling thread, which must hold the
     * pool, and on the workers that are free. Returns when every part has ended; the exception
     * of a failed part is rethrown here.
     */
    public void run(Job job, int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("a job needs at least 1 part, got " + parts);
        }
        start();
        int generation = (int) (state.get() >>> 32) + 1;
        this.job = job;
        this.parts = parts;
        failure = null;
        waiter = Thread.currentThread();
        remaining.set(parts);
        state.set((long) generation << 32); // publish: part 0 is next
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
        try {
            work(generation);
        } finally {
            awaitRemaining();
            state.set((long) generation << 32 | CLOSED);
            this.job = null;
        }
        Throwable t = failure;
        if (t != null) {
            failure = null;
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(t);
        }
    }

    /** Claims and runs parts of job {@code generation} until none is left to claim. */
    private void work(int generation) {
        while (true) {
            long s = state.get();
            if ((int) (s >>> 32) != generation) {
                return;
            }
            int part = (int) s;
            // While a part of this generation is unclaimed, the job cannot end or change.
            Job j = job;
            int n = parts;
            if (part >= n) {
                return;
            }
            if (!state.compareAndSet(s, s + 1)) {
                continue;
            }
            try {
                j.run(part, n);
            } catch (Throwable t) {
                if (failure == null) {
                    failure = t;
                }
            }
            if (remaining.decrementAndGet() == 0) {
                Thread w = waiter;
                if (w != Thread.currentThread()) {
                    LockSupport.unpark(w);
                }
            }
        }
    }

    private void awaitRemaining() {
        long deadline = System.nanoTime() + SPIN_NANOS;
        int spins = 0;
        while (remaining.get() != 0) {
            if (++spins < 64 || System.nanoTime() < deadline) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
    }

    private void start() {
        if (workers != null) {
            return;
        }
        Thread[] started = new Thread[threads - 1];
        for (int w = 0; w < started.length; w++) {
            Thread t = new Thread(this::workerLoop, "neurite-kernels-" + threads + "-" + (w + 1));
            t.setDaemon(true);
            started[w] = t;
        }
        workers = started;
        for (Thread t : started) {
            t.start();
        }
    }

    private void workerLoop() {
        int seen = 0;
        while (true) {
            seen = awaitJob(seen);
            work(seen);
        }
    }

    /** Waits for a job newer than {@code seen}; returns its generation. */
    private int awaitJob(int seen) {
        long deadline = System.nanoTime() + SPIN_NANOS;
        int spins = 0;
        while (true) {
            long s = state.get();
            int g = (int) (s >>> 32);
            if (g != seen && (int) s != CLOSED) {
                return g;
            }
            if (++spins < 64 || System.nanoTime() < deadline) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
                Thread.interrupted(); // nobody interrupts workers; never let it spin the loop
            }
        }
    }
}
