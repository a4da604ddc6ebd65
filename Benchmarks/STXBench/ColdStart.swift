import Glibc

/// How long a process takes from spawn to exit, stdout and stderr to /dev/null.
struct ColdStart {
    /// The wall time of a run, in milliseconds: the lowest of the rounds' medians.
    var wallMilliseconds: Double
    /// The mean CPU time (user + system) of a run, in milliseconds.
    var cpuMilliseconds: Double

    /// Runs `arguments` `rounds` × `runs` times after one untimed run (so the files are in the
    /// page cache).
    /// - Parameters:
    ///   - arguments: The executable's path and its arguments.
    ///   - runs: How many timed runs per round.
    ///   - rounds: How many rounds (other tenants of a shared machine only ever add time).
    /// - Throws: `BenchError` when the process cannot start or exits with a failure.
    static func measure(_ arguments: [String], runs: Int = 11, rounds: Int = 3) throws -> ColdStart {
        try spawn(arguments)
        let cpuBefore = childrenCPUSeconds()
        var best = Double.infinity
        for _ in 0 ..< rounds { best = min(best, try medianWall(arguments, runs: runs)) }
        let cpu = (childrenCPUSeconds() - cpuBefore) / Double(runs * rounds) * 1e3
        return ColdStart(wallMilliseconds: best, cpuMilliseconds: cpu)
    }

    private static func medianWall(_ arguments: [String], runs: Int) throws -> Double {
        let clock = ContinuousClock()
        var walls: [Double] = []
        for _ in 0 ..< runs {
            let start = clock.now
            try spawn(arguments)
            let (seconds, attoseconds) = (clock.now - start).components
            walls.append((Double(seconds) + Double(attoseconds) / 1e18) * 1e3)
        }
        walls.sort()
        return walls[walls.count / 2]
    }

    private static func spawn(_ arguments: [String]) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchError("cannot start \(arguments[0]): errno \(spawned)") }
        var status: Int32 = 0
        guard waitpid(pid, &status, 0) == pid, status == 0 else {
            throw BenchError("\(arguments.joined(separator: " ")) failed (wait status \(status)); run it by hand to see why")
        }
    }

    private static func childrenCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        let seconds = { (time: timeval) in Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
