package org.neurite.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {
    @Test
    void everyPartRunsExactlyOnceOnTheCallerOrADaemonWorker() {
        WorkerPool pool = WorkerPool.of(3);
        AtomicIntegerArray counts = new AtomicIntegerArray(5);
        Set<Thread> ranOn = ConcurrentHashMap.newKeySet();
        assertTrue(pool.tryAcquire());
        try {
            for (int round = 0; round < 1000; round++) {
                pool.run((part, parts) -> {
                    counts.incrementAndGet(part);
                    ranOn.add(Thread.currentThread());
                }, 5);
            }
        } finally {
            pool.release();
        }
        for (int part = 0; part < 5; part++) {
            assertEquals(1000, counts.get(part), "runs of part " + part);
        }
        assertTrue(ranOn.size() <= 3, ranOn::toString);
        for (Thread t : ranOn) {
            assertTrue(t == Thread.currentThread() || t.isDaemon(), t::toString);
        }
    }

    @Test
    void aBusyPoolIsRefusedNotWaitedFor() {
        WorkerPool pool = WorkerPool.of(2);
        assertTrue(pool.tryAcquire());
        try {
            assertFalse(pool.tryAcquire());
        } finally {
            pool.release();
        }
        assertTrue(pool.tryAcquire());
        pool.release();
    }

    @Test
    void aFailingPartIsRethrownAfterTheOthersEndAndThePoolStaysUsable() {
        WorkerPool pool = WorkerPool.of(2);
        assertTrue(pool.tryAcquire());
        try {
            var e = assertThrows(IllegalStateException.class, () -> pool.run((part, parts) -> {
                if (part == 1) {
                    throw new IllegalStateException("part 1 failed");
                }
            }, 2));
            assertEquals("part 1 failed", e.getMessage());
            int[] done = new int[2];
            pool.run((part, parts) -> done[part] = 1, 2);
            assertArrayEquals(new int[] {1, 1}, done);
        } finally {
            pool.release();
        }
    }
}
