"""Thread-count setup and BLAS reporting shared by the comparison scripts.

Import this module, and call ``set_threads_env(n)``, *before* importing numpy or torch:
OpenBLAS reads OPENBLAS_NUM_THREADS / OMP_NUM_THREADS when it is loaded.
"""
import ctypes
import os
import statistics
import sys

_THREAD_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def set_threads_env(threads):
    if "numpy" in sys.modules or "torch" in sys.modules:
        raise RuntimeError("set_threads_env must run before numpy/torch are imported")
    for var in _THREAD_VARS:
        os.environ[var] = str(threads)


def limit_threads(threads):
    """Also limit already-loaded BLAS/OpenMP pools when threadpoolctl is installed."""
    try:
        import threadpoolctl
    except ImportError:
        return None
    return threadpoolctl.threadpool_limits(limits=threads)


def _loaded_openblas_paths():
    paths = []
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                parts = line.split()
                if len(parts) >= 6 and "blas" in parts[-1].lower() and parts[-1] not in paths:
                    paths.append(parts[-1])
    except OSError:
        pass
    return paths


def _call_str(lib, names):
    for name in names:
        fn = getattr(lib, name, None)
        if fn is not None:
            fn.restype = ctypes.c_char_p
            value = fn()
            return value.decode() if value else None
    return None


def _call_int(lib, names):
    for name in names:
        fn = getattr(lib, name, None)
        if fn is not None:
            fn.restype = ctypes.c_int
            return fn()
    return None


def blas_report():
    """One line per loaded BLAS library: path, version/config, the kernel (core) in use, threads."""
    lines = []
    try:
        import threadpoolctl
        for info in threadpoolctl.threadpool_info():
            lines.append("threadpoolctl: {internal_api} {version} arch={architecture} threads={num_threads}"
                         " {filepath}".format(**{k: info.get(k) for k in
                                                 ("internal_api", "version", "architecture",
                                                  "num_threads", "filepath")}))
    except ImportError:
        pass
    for path in _loaded_openblas_paths():
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        prefixes = ("openblas_", "scipy_openblas_")
        suffixes = ("", "64_")
        core = _call_str(lib, [p + "get_corename" + s for p in prefixes for s in suffixes])
        config = _call_str(lib, [p + "get_config" + s for p in prefixes for s in suffixes])
        threads = _call_int(lib, [p + "get_num_threads" + s for p in prefixes for s in suffixes])
        if core is None and config is None:
            lines.append("blas: %s (not OpenBLAS: reference or other BLAS)" % path)
        else:
            lines.append("openblas: core=%s threads=%s config=%s %s" % (core, threads, config, path))
    env = " ".join("%s=%s" % (k, os.environ[k]) for k in sorted(os.environ) if k.startswith("OPENBLAS_"))
    lines.append("env: " + (env or "(no OPENBLAS_* variables)"))
    return lines


def median(values):
    return statistics.median(values)
