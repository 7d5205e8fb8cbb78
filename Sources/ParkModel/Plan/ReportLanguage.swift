/// Language of report labels. Ids and names always appear as written.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case zh, en

    /// The English or the Chinese text, by language.
    public func t(_ en: String, _ zh: String) -> String { self == .zh ? zh : en }
}
