using System.Text;
using System.Text.Json;
using CloudEconomics.Utility;

namespace CloudEconomics.Tests.Utility;

public class BoundedInputTest
{
    /// <summary>An endless stream of zeros that cannot seek, like a pipe from /dev/zero.</summary>
    private sealed class EndlessZeros(byte fill = 0) : Stream
    {
        public long Served { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, fill, offset, count);
            Served += count;
            return count;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void EndlessZeros_AreRefusedAsBinary_AfterTheFirstChunk()
    {
        var zeros = new EndlessZeros();
        var act = () => BoundedInput.ReadBytes(zeros, "pipe");
        act.Should().Throw<DataLoadException>().Where(e => e.Problems[0].Rule == "NotText")
            .WithMessage("pipe: $: NotText: The document is not a text file (a NUL byte at offset 0); expected UTF-8 text.");
        zeros.Served.Should().BeLessThanOrEqualTo(64 * 1024, "the reader stops at the first chunk holding a NUL byte");
    }

    [Fact]
    public void EndlessText_IsRefusedAtTheLimit_NotReadToTheEnd()
    {
        var spaces = new EndlessZeros((byte)' ');
        var act = () => BoundedInput.ReadBytes(spaces, "pipe", maxBytes: 1_000_000);
        act.Should().Throw<DataLoadException>().Where(e => e.Problems[0].Rule == "DocumentTooLarge")
            .WithMessage("pipe: $: DocumentTooLarge: The document is larger than the limit of 1,000,000 bytes (1000000 B); it has at least *");
        spaces.Served.Should().BeLessThan(1_000_000 + 2 * 64 * 1024);
    }

    [Fact]
    public void SeekableStream_TooLarge_IsRefusedBeforeReading()
    {
        var stream = new MemoryStream(new byte[17 * 1024 * 1024]);
        var act = () => BoundedInput.ReadBytes(stream, "big.json");
        act.Should().Throw<DataLoadException>().WithMessage("big.json: $: DocumentTooLarge: The document is larger than the limit of 16,777,216 bytes (16 MiB); it has at least 17,825,792.");
        stream.Position.Should().Be(0);
    }

    [Fact]
    public void Text_UpToTheLimit_IsReturned()
        => BoundedInput.ReadBytes(new MemoryStream("{\"a\": 1}"u8.ToArray()), "ok.json", maxBytes: 8).Should().Equal("{\"a\": 1}"u8.ToArray());

    [Theory]
    [InlineData(64, false)]
    [InlineData(65, true)]
    public void Json_DeeperThanTheLimit_IsRefused(int depth, bool refused)
    {
        var json = Encoding.ASCII.GetBytes(new string('[', depth) + new string(']', depth));
        var act = () => BoundedInput.CheckJson(json, "deep.json");
        if (refused)
        {
            act.Should().Throw<DataLoadException>().Where(e => e.Problems[0].Rule == "DocumentTooDeep")
                .WithMessage("deep.json: $: DocumentTooDeep: The document nests JSON deeper than the limit of 64 levels (at byte 64).");
        }
        else
        {
            act.Should().NotThrow();
        }
    }

    [Fact]
    public void Json_NotUtf8_IsRefused()
    {
        var act = () => BoundedInput.CheckJson(new byte[] { (byte)'"', 0xC3, 0x28, (byte)'"' }, "latin.json");
        act.Should().Throw<DataLoadException>().WithMessage("latin.json: $: NotText: The document is not UTF-8 text; a JSON document must be UTF-8.");
    }

    [Fact]
    public void Json_Malformed_IsAJsonException_ForTheLoaderToReport()
    {
        var act = () => BoundedInput.CheckJson("{\"a\": "u8, "bad.json");
        act.Should().Throw<JsonException>();
    }

    [Fact]
    public void Lines_AreCappedInNumberAndLength()
    {
        BoundedInput.ReadLines(new MemoryStream("\uFEFFa\r\nb\nc"u8.ToArray()), "f.csv").Should().Equal("a", "b", "c");
        var many = () => BoundedInput.ReadLines(new MemoryStream(Encoding.ASCII.GetBytes("x\n" + "x\n" + "x\n")), "f.csv", maxLines: 2);
        many.Should().Throw<DataLoadException>().WithMessage("f.csv: $: TooManyLines: The document has more lines than the limit of 2.");
        var longLine = () => BoundedInput.ReadLines(new MemoryStream(Encoding.ASCII.GetBytes("ok\n" + new string('9', 5000))), "f.csv");
        longLine.Should().Throw<DataLoadException>().WithMessage("f.csv: $: LineTooLong: The document has a line (line 2) longer than the limit of 4,096 characters.");
        var binary = () => BoundedInput.ReadLines(new MemoryStream(new byte[] { (byte)'a', 0xFF, (byte)'\n' }), "f.csv");
        binary.Should().Throw<DataLoadException>().WithMessage("f.csv: $: NotText: The document is not UTF-8 text.");
    }
}
