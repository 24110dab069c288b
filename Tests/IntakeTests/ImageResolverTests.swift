import Foundation
import Intake
import TestSupport
import Testing

@Suite struct ImageResolverTests {
    @Test func relativePathsInsideTheFolderResolve() throws {
        let folder = try TemporaryFolder()
        let image = try folder.write("x", to: "images/1.jpg")
        let resolver = ImageResolver(dumpFolder: folder.url)
        let expected = ImageSource.file(URL(fileURLWithPath: image.resolvingSymlinksInPath().path))
        #expect(try resolver.resolve("images/1.jpg").get() == expected)
        #expect(try resolver.resolve("./images/../images/1.jpg").get() == expected)
        // A file that does not exist yet still resolves (reading it reports it missing).
        guard case .file(let missing) = try resolver.resolve("images/2.jpg").get() else {
            Issue.record("expected a file")
            return
        }
        #expect(missing.lastPathComponent == "2.jpg")
    }

    @Test(arguments: [
        ("../secret.jpg", "leaves the dump's folder"),
        ("images/../../etc/passwd", "leaves the dump's folder"),
        ("/etc/passwd", "absolute paths are not allowed in a dump"),
        ("..\\windows\\system.ini", "backslashes are not allowed in paths (use /)"),
        ("file:///etc/passwd", "file: URLs are not fetched"),
        ("data:image/png;base64,AAAA", "data: URLs are not fetched"),
        ("", "empty reference"),
        (".", "names the dump's folder itself"),
    ])
    func escapesAreRefusedWithAReason(reference: String, reason: String) throws {
        let folder = try TemporaryFolder()
        let result = ImageResolver(dumpFolder: folder.url).resolve(reference)
        guard case .failure(let error) = result else {
            Issue.record("\(reference) was accepted")
            return
        }
        #expect(error.reason == reason)
    }

    @Test func aSymlinkPointingOutsideIsRefusedAndOneInsideIsFollowed() throws {
        let outside = try TemporaryFolder()
        let secret = try outside.write("secret", to: "secret.jpg")
        let folder = try TemporaryFolder()
        let inside = try folder.write("ok", to: "images/real.jpg")
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("links"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: folder.url.appendingPathComponent("links/out.jpg").path, withDestinationPath: secret.path)
        try FileManager.default.createSymbolicLink(
            atPath: folder.url.appendingPathComponent("links/in.jpg").path, withDestinationPath: "../images/real.jpg")
        let resolver = ImageResolver(dumpFolder: folder.url)
        guard case .failure(let error) = resolver.resolve("links/out.jpg") else {
            Issue.record("a link leading outside was accepted")
            return
        }
        #expect(error.reason == "a symbolic link that leads outside the dump's folder")
        #expect(
            try resolver.resolve("links/in.jpg").get()
                == .file(URL(fileURLWithPath: inside.resolvingSymlinksInPath().path)))
    }

    @Test func httpURLsAreRemote() throws {
        let resolver = ImageResolver(dumpFolder: URL(fileURLWithPath: "/tmp"))
        #expect(
            try resolver.resolve("https://cdn.example.com/a/2.webp").get()
                == .remote(URL(string: "https://cdn.example.com/a/2.webp")!))
        #expect(
            try resolver.resolve("HTTP://cdn.example.com/x.jpg").get()
                == .remote(URL(string: "HTTP://cdn.example.com/x.jpg")!))
        #expect((try? resolver.resolve("https:///nohost").get()) == nil)
    }
}
