import ArgumentParser

/// How results are printed.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case markdown
    case json
    case csv
}

/// The formats a command's `--format` accepts: its help lists these and no other.
protocol PrintedFormat: ExpressibleByArgument, CaseIterable, Sendable {
    /// The same format among every format the tool prints.
    var outputFormat: OutputFormat { get }

    /// The help of `--format`.
    static var help: ArgumentHelp { get }
}

extension OutputFormat: PrintedFormat {
    var outputFormat: OutputFormat { self }

    static var help: ArgumentHelp {
        ArgumentHelp(
            "What is printed on standard output: markdown (default), json or csv.",
            discussion: "Works with --out too: the folder gets every format, standard output the one asked for.")
    }
}

/// How a report (a document of sections and tables) is printed: its tables go to CSV only as files,
/// one per table, with `--out`.
enum ReportFormat: String, PrintedFormat {
    case markdown
    case json

    var outputFormat: OutputFormat {
        switch self {
        case .markdown: .markdown
        case .json: .json
        }
    }

    static var help: ArgumentHelp {
        ArgumentHelp(
            "What is printed on standard output: markdown (default) or json.",
            discussion: "Works with --out too: the folder gets every format and a CSV file per table, standard "
                + "output the one asked for.")
    }
}
