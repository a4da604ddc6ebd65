/// The command line of stx-bench (scripts/bench passes every path).
///
///     stx-bench --pure FILE [--sizes 10,100,1000] [--script FILE] [--stx-run PATH --lua PATH --pure-bench FILE]
///     stx-bench --profile SIZE nojson|e2e COUNT [--script FILE]
struct BenchOptions {
    var sizes = [10, 100, 1000]
    var script = "Benchmarks/rules/checkout.lua"
    var pure: String?
    var stxRun: String?
    var lua: String?
    var pureBench = "Benchmarks/pure/bench.lua"
    /// Run `count` checkouts of one size and mode without timing (for valgrind).
    var profile: (size: Int, mode: String, count: Int)?

    /// Parses the arguments.
    /// - Parameter arguments: The arguments without the program name.
    /// - Throws: `BenchError` naming the option that is wrong.
    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        func value(_ option: String) throws -> String {
            guard let value = rest.popFirst() else { throw BenchError("\(option) needs a value") }
            return value
        }
        while let option = rest.popFirst() {
            switch option {
            case "--sizes":
                sizes = try value(option).split(separator: ",").map { part in
                    guard let size = Int(part), size > 0 else { throw BenchError("--sizes takes positive integers like 10,100,1000") }
                    return size
                }
            case "--script": script = try value(option)
            case "--pure": pure = try value(option)
            case "--stx-run": stxRun = try value(option)
            case "--lua": lua = try value(option)
            case "--pure-bench": pureBench = try value(option)
            case "--profile":
                let size = Int(try value(option)), mode = try value(option), count = Int(try value(option))
                guard let size, let count, ["nojson", "e2e"].contains(mode) else {
                    throw BenchError("--profile takes SIZE nojson|e2e COUNT, e.g. --profile 10 nojson 200")
                }
                profile = (size, mode, count)
            default:
                throw BenchError("unknown option \(option); see Benchmarks/STXBench/BenchOptions.swift")
            }
        }
    }
}
