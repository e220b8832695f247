using Pipeline.Core.Search;
using Pipeline.Testing.Search;

namespace Pipeline.Search.Lucene.Tests;

/// <summary>The backend-neutral index contract, run against the embedded Lucene index in a fresh folder per test.</summary>
public sealed class LuceneArticleIndexContractTests : ArticleIndexContractTests
{
    private readonly TemporaryIndexFolder _folder = new();

    protected override ValueTask<IArticleIndex> CreateEmptyIndexAsync() => ValueTask.FromResult<IArticleIndex>(_folder.OpenIndex());

    protected override async ValueTask DisposeIndexAsync(IArticleIndex index)
    {
        await base.DisposeIndexAsync(index);
        _folder.Dispose();
    }
}
