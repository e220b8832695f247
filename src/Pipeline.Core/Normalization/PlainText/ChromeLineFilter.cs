namespace Pipeline.Core.Normalization.PlainText;

/// <summary>
/// Recognises page furniture that text scraped from a web page carries along: share and subscribe buttons,
/// advertisement labels, cookie banners. These lines are never article content, but the words in them
/// ("share", "subscribe") can be, so only whole lines that match exactly (ignoring case, whitespace and a trailing
/// colon) are removed; a sentence that mentions sharing is left alone.
/// </summary>
internal static class ChromeLineFilter
{
    private static readonly HashSet<string> ChromeLines = new(StringComparer.OrdinalIgnoreCase)
    {
        // Sharing
        "Share", "Share this", "Share this article", "Share this story", "Share this post", "Share article",
        "Share on Facebook", "Share on Twitter", "Share on X", "Share on LinkedIn", "Share via Email",
        "Tweet", "Copy link", "Link copied", "Print", "Print this article", "Email this article",
        // Subscription and sign-up prompts
        "Subscribe", "Subscribe now", "Subscribe to our newsletter", "Sign up", "Sign up for our newsletter",
        "Sign in", "Log in", "Follow us", "Follow", "Get the app", "Download the app",
        // Advertising
        "Advertisement", "Advertisements", "Advert", "Ad", "Sponsored", "Sponsored content", "Story continues below advertisement",
        "Scroll to continue with content", "Continue reading below",
        // Cookie banners
        "Accept cookies", "Accept all cookies", "Accept all", "Reject all", "Manage cookies", "Cookie settings",
        "Cookie policy", "We use cookies",
        // Navigation
        "Skip to content", "Skip to main content", "Back to top", "Menu", "Close", "Search",
        // Trailing comment widgets
        "Comments", "Leave a comment", "Leave a reply", "Add a comment", "View comments", "Show comments",
    };

    public static bool IsChrome(string line)
    {
        var text = LineText.CollapseWhitespace(line).TrimEnd(':');
        return text.Length > 0 && ChromeLines.Contains(text);
    }
}
