import ArgumentParser
import Foundation
import Pipeline

/// `proofmark merge`: one state file from the state files of a sharded night's shards.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the state files of sharded runs into one state file.",
        discussion: """
            Give the state file of every shard (proofmark run --shard K/N, or a Kubernetes Indexed Job or Slurm array). \
            The merged file is written anew from the shards and holds every night as if one machine had run it; \
            proofmark report and export then work on it. With --out, the latest night's findings.jsonl and run.json \
            are written there too, and failures.jsonl from the shards' failures.jsonl (each found beside its state \
            file, as run --out DIR leaves it), in dump order. Refuses, naming the file and the night, when a shard is missing, given twice, \
            unfinished, or from another sharding. Exit status: 0 when merged, 1 otherwise.
            """
    )

    @Option(help: "The merged state file to write (replaced).")
    var into: String

    @Option(help: "Also write the latest night's findings.jsonl and run.json into this folder.")
    var out: String?

    @Argument(help: "The shards' state files.")
    var shards: [String]

    func validate() throws {
        guard !shards.isEmpty else { throw ValidationError("give the state file of every shard") }
        let target = URL(fileURLWithPath: into).standardizedFileURL.path
        if shards.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL.path == target }) {
            throw ValidationError("--into \(into) is one of the shards; write the merge to another file")
        }
    }

    func run() throws {
        do {
            let summary = try ShardMerge.merge(
                shards: shards, into: into, outputFolder: out.map { URL(fileURLWithPath: $0) })
            var line = "merged \(shards.count) shards into \(into): \(summary.nights.count) nights"
            if let latest = summary.latestNight { line += ", latest \(latest)" }
            if let out, let reported = summary.reportedFindings {
                line += "; wrote \(reported) findings to \(out)/findings.jsonl and \(out)/run.json"
            }
            if let out, let failures = summary.failures {
                line += ", \(failures.lines) failures to \(out)/failures.jsonl"
                for missing in failures.missing {
                    FileHandle.standardError.write(
                        Data("proofmark merge: warning: failures.jsonl lacks \(missing)\n".utf8))
                }
            }
            print(line)
        } catch {
            FileHandle.standardError.write(Data("proofmark merge: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
