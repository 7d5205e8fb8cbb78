import ArgumentParser
import Foundation
import ParkModel
import ParkReports

extension ReportLanguage: ExpressibleByArgument {}

/// `--lang zh|en`; the default comes from the environment.
struct LanguageOption: ParsableArguments {
    @Option(
        name: .customLong("lang"),
        help: "Language of report labels: zh or en (default: from LC_ALL, LC_MESSAGES, LANG; zh* → zh, else en).")
    var lang: ReportLanguage?

    /// The language asked for, else the environment's.
    var language: ReportLanguage { lang ?? Self.fromEnvironment(ProcessInfo.processInfo.environment) }

    /// POSIX precedence: the first non-empty of LC_ALL, LC_MESSAGES, LANG decides; `zh…` → zh, else en.
    static func fromEnvironment(_ env: [String: String]) -> ReportLanguage {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = env[key], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("zh") ? .zh : .en
        }
        return .en
    }
}
