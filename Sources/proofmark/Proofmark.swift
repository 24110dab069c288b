import ArgumentParser
import Imaging

/// The process entry point: tunes the allocator, then runs the command tree.
@main
enum Entry {
    static func main() async {
        ImageMemory.keepFreedBuffersForReuse()
        await Proofmark.main()
    }
}

/// The `proofmark` command tree. Commands parse options, call the libraries and map outcomes to exit codes;
/// they hold no business logic.
struct Proofmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proofmark",
        abstract: "Finds infringing marketplace listings and writes the evidence to file complaints on.",
        version: ProofmarkVersion.current,
        subcommands: [
            RunCommand.self, ReportCommand.self, ReviewCommand.self, ExportCommand.self, SellersCommand.self,
            MergeCommand.self, VerifyCommand.self, KeygenCommand.self, HashCommand.self, CompareCommand.self,
            RobustnessCommand.self, FeaturesBenchCommand.self, ServeCommand.self,
        ]
    )
}

enum ProofmarkVersion {
    static let current = "0.1.0"
}
