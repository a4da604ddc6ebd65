import Glibc

/// The process's CPU time, the clock `os.clock()` reads in lua5.4 (`clock()`): time spent on a
/// core, not wall time, so other processes on a shared machine disturb it less.
enum CPUTime {
    /// Seconds of CPU time this process has used.
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
