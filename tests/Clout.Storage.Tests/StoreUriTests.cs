using System.Net;
using Clout.Core.Storage;

namespace Clout.Storage.Tests;

public sealed class StoreUriTests
{
    [Theory]
    [InlineData("sqlite:clout.db", "clout.db")]
    [InlineData("sqlite:///var/lib/clout.db", "/var/lib/clout.db")]
    [InlineData("SQLITE:data/x.db", "data/x.db")]
    public void Sqlite_uris_name_a_file(string text, string path)
    {
        var uri = StoreUri.Parse(text);
        uri.Kind.ShouldBe(StoreKind.Sqlite);
        uri.Path.ShouldBe(path);
    }

    [Fact]
    public void ClickHouse_uris_name_hosts_database_cluster_and_credentials()
    {
        var uri = StoreUri.Parse("clickhouse://u:p%3Aw@127.0.0.1:8123,[::1]:8124,node3/clout?cluster=clout&retries=2");

        uri.Kind.ShouldBe(StoreKind.ClickHouse);
        uri.Hosts.ShouldBe([new DnsEndPoint("127.0.0.1", 8123), new DnsEndPoint("::1", 8124), new DnsEndPoint("node3", StoreUri.DefaultClickHousePort)]);
        uri.Database.ShouldBe("clout");
        uri.Cluster.ShouldBe("clout");
        uri.User.ShouldBe("u");
        uri.Password.ShouldBe("p:w");
        uri.Options.ShouldBe(new Dictionary<string, string> { ["retries"] = "2" });
        uri.ToString().ShouldBe("clickhouse://u:***@127.0.0.1:8123,[::1]:8124,node3:8123/clout?cluster=clout&retries=2");
    }

    [Theory]
    [InlineData("", "unknown kind of store")]
    [InlineData("postgres://h/db", "expected 'sqlite:PATH' or 'clickhouse://")]
    [InlineData("sqlite:", "missing database file")]
    [InlineData("clickhouse://h:8123", "missing or invalid database")]
    [InlineData("clickhouse:///db", "no hosts")]
    [InlineData("clickhouse://h:99999/db", "port '99999'")]
    [InlineData("clickhouse://h:x/db", "port 'x'")]
    [InlineData("clickhouse://a:1,,b:2/db", "empty host")]
    [InlineData("clickhouse://h:1/db?cluster=", "empty cluster")]
    [InlineData("clickhouse://h:1/db?retries=1&retries=2", "repeated query parameter 'retries'")]
    [InlineData("clickhouse://[::1:8123/db", "'[' without ']'")]
    public void Bad_uris_say_what_was_expected(string text, string message) =>
        Should.Throw<FormatException>(() => StoreUri.Parse(text)).Message.ShouldContain(message);
}
