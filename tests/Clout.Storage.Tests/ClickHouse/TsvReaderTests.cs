using System.Text;
using Clout.Storage.ClickHouse;
using Clout.Storage.ClickHouse.Http;

namespace Clout.Storage.Tests.ClickHouse;

public sealed class TsvReaderTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reads_numbers_nulls_escaped_strings_and_arrays()
    {
        var reader = Reader("18446744073709551615\t-5\t\\N\ta\\tb\\nc\\\\d\\'e\t[1,-1,3]\t0.1\tinf\n");

        (await reader.ReadAsync(Token)).ShouldBeTrue();
        reader.UInt64(0).ShouldBe(ulong.MaxValue);
        reader.Int64(1).ShouldBe(-5);
        reader.NullableString(2).ShouldBeNull();
        reader.String(3).ShouldBe("a\tb\nc\\d'e");
        var values = new long[5];
        reader.Int64Array(4, values).ShouldBe(3);
        values[..3].ShouldBe([1, -1, 3]);
        reader.Float64(5).ShouldBe(0.1);
        reader.Float64(6).ShouldBe(double.PositiveInfinity);
        (await reader.ReadAsync(Token)).ShouldBeFalse();
    }

    [Fact]
    public async Task An_error_appended_to_a_streamed_result_is_an_error_not_a_row()
    {
        var reader = Reader("1\t2\nCode: 395, e.displayText() = DB::Exception: Value passed to 'throwIf' function is non zero, e.what() = DB::Exception\n", columns: 2);
        (await reader.ReadAsync(Token)).ShouldBeTrue();
        var error = await Should.ThrowAsync<ClickHouseException>(async () => await reader.ReadAsync(Token));
        error.Code.ShouldBe(395);
        error.Message.ShouldContain("while its result was being sent");
    }

    [Fact]
    public async Task A_result_cut_in_the_middle_of_a_row_is_an_error()
    {
        var reader = Reader("1\t2\n3\t", columns: 2);
        (await reader.ReadAsync(Token)).ShouldBeTrue();
        (await Should.ThrowAsync<ClickHouseException>(async () => await reader.ReadAsync(Token))).Message.ShouldContain("ended in the middle of a row");
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_names_the_column_and_what_was_expected()
    {
        var reader = Reader("x\t2\n", columns: 2);
        (await reader.ReadAsync(Token)).ShouldBeTrue();
        Should.Throw<ClickHouseException>(() => reader.Int64(0)).Message.ShouldContain("column 1 is 'x', expected a whole number");
    }

    [Fact]
    public async Task Long_rows_grow_the_buffer()
    {
        var text = new string('a', 200_000);
        var reader = Reader($"{text}\n", columns: 1);
        (await reader.ReadAsync(Token)).ShouldBeTrue();
        reader.String(0).ShouldBe(text);
    }

    private static TsvReader Reader(string text, int columns = 7) =>
        new(new MemoryStream(Encoding.UTF8.GetBytes(text)), "test:1", columns, "SELECT");
}
