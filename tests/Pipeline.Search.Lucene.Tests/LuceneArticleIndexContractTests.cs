using Pipeline.Core.Search;
using Pipeline.Testing.Search;

namespace Pipeline.Search.Lucene.Tests;

/// <summary>
/// The backend-neutral index contract, run against the embedded Lucene index in a fresh folder per test, with the
/// options a host uses (near-real-time refresh, batched commits).
/// </summary>
public sealed class LuceneArticleIndexContractTests : ArticleIndexContractTests
{
    private readonly TemporaryIndexFolder _folder = new();

    private LuceneArticleIndex? _index;

    protected override ValueTask<IArticleIndex> CreateEmptyIndexAsync()
    {
        _index = _folder.OpenIndexWithDefaults();
        return ValueTask.FromResult<IArticleIndex>(_index);
    }

    // Writes become searchable at the next refresh (about a second); the contract waits for it by asking for one now.
    protected override async ValueTask WaitUntilSearchableAsync() => await _index!.RefreshAsync(CancellationToken);

    protected override async ValueTask DisposeIndexAsync(IArticleIndex index)
    {
        await base.DisposeIndexAsync(index);
        _folder.Dispose();
    }
}
