package org.neurite.testkit;

import org.junit.jupiter.api.Nested;
import org.neurite.core.init.Constant;
import org.neurite.core.init.GlorotNormal;
import org.neurite.core.init.GlorotUniform;
import org.neurite.core.init.HeNormal;
import org.neurite.core.init.HeUniform;
import org.neurite.core.init.LecunNormal;
import org.neurite.core.init.Ones;
import org.neurite.core.init.RandomNormal;
import org.neurite.core.init.RandomUniform;
import org.neurite.core.init.Zeros;
import org.neurite.core.spi.Initializer;

/** Core's built-in initializers pass the initializer contract. */
class CoreInitializersContractTest {

    @Nested
    class GlorotUniformContract extends InitializerContract {
        @Override
        protected Initializer initializer() {
            return new GlorotUniform();
        }
    }

    @Nested
    class GlorotNormalContract extends InitializerContract {
        @Override
        protected Initializer initializer() {
            return new GlorotNormal();
        }
    }

    @Nested
    class HeUniformContract extends InitializerContract {
        @Override
        protected Initializer initializer() {
            return new HeUniform();
        }
    }

    @Nested
    class HeNormalContract extends InitializerContract {
        @Override
        protected Initializer initializer() {
            return new HeNormal();
        }
    }

    @Nested
    class LecunNormalContract extends InitializerContract {
        @Override
        protected Initializer initializer() {
            return new LecunNormal();
        }
    }

    @Nested
    class RandomUniformContract extends InitializerContract {
        @Override
        protected Initializer initializer() {
            return new RandomUniform();
        }
    }

    @Nested
    class RandomNormalContract extends InitializerContract {
        @Override
        protected Initializer initializer() {
            return new RandomNormal();
        }
    }

    @Nested
    class ZerosContract extends InitializerContract {
        @Override
        protected Initializer initializer() {
            return new Zeros();
        }

        @Override
        protected boolean isRandom() {
            return false;
        }
    }

    @Nested
    class OnesContract extends InitializerContract {
        @Override
        protected Initializer initializer() {
            return new Ones();
        }

        @Override
        protected boolean isRandom() {
            return false;
        }
    }

    @Nested
    class ConstantContract extends InitializerContract {
        @Override
        protected Initializer initializer() {
            return new Constant();
        }

        @Override
        protected boolean isRandom() {
            return false;
        }
    }
}
