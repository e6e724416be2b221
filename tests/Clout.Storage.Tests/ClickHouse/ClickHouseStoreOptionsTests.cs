using Clout.Core.Storage;
using Clout.Storage.ClickHouse;

namespace Clout.Storage.Tests.ClickHouse;

public sealed class ClickHouseStoreOptionsTests
{
    [Fact]
    public void Options_come_from_the_uri()
    {
        var options = ClickHouseStoreOptions.FromUri(
            StoreUri.Parse("clickhouse://clout:s%40cret@10.0.0.1:8123,10.0.0.2:8124/clout?cluster=clout&retries=5&timeout=30&batch=5000&compress=true"),
            _ => null);

        options.Nodes.ShouldBe([new Uri("http://10.0.0.1:8123/"), new Uri("http://10.0.0.2:8124/")]);
        options.Database.ShouldBe("clout");
        options.Cluster.ShouldBe("clout");
        options.User.ShouldBe("clout");
        options.Password.ShouldBe("s@cret");
        options.Retries.ShouldBe(5);
        options.Timeout.ShouldBe(TimeSpan.FromSeconds(30));
        options.BatchSize.ShouldBe(5000);
        options.Compress.ShouldBeTrue();
        options.Location.ShouldNotContain("s@cret");
    }

    [Fact]
    public void User_and_password_come_from_the_environment_when_the_uri_has_none()
    {
        var env = new Dictionary<string, string> { [ClickHouseStoreOptions.UserVariable] = "reader", [ClickHouseStoreOptions.PasswordVariable] = "pw" };
        var options = ClickHouseStoreOptions.FromUri(StoreUri.Parse("clickhouse://h:8123/db"), k => env.GetValueOrDefault(k));
        options.User.ShouldBe("reader");
        options.Password.ShouldBe("pw");
        options.Cluster.ShouldBeNull();
    }

    [Theory]
    [InlineData("clickhouse://h:8123/my-db", "not a plain identifier")]
    [InlineData("clickhouse://a:1,b:2/db", "several hosts but no cluster")]
    [InlineData("clickhouse://h:8123/db?retries=x", "parameter 'retries' is 'x'")]
    [InlineData("clickhouse://h:8123/db?colour=red", "unknown parameter 'colour'")]
    [InlineData("clickhouse://h:8123/db?compress=maybe", "expected true or false")]
    public void Bad_options_say_what_was_expected(string uri, string message) =>
        Should.Throw<FormatException>(() => ClickHouseStoreOptions.FromUri(StoreUri.Parse(uri), _ => null)).Message.ShouldContain(message);
}
