using BackendAI.Cli.Prompting;

namespace BackendAI.Cli.Tests.Prompting;

public sealed class SecretLineReaderTests
{
    private static Func<ConsoleKeyInfo> Keys(params ConsoleKeyInfo[] keys)
    {
        var queue = new Queue<ConsoleKeyInfo>(keys);
        return () => queue.Dequeue();
    }

    private static ConsoleKeyInfo Char(char c) => new(c, ConsoleKey.NoName, false, false, false);

    private static ConsoleKeyInfo Key(ConsoleKey key, char c = '\0') => new(c, key, false, false, false);

    [Fact]
    public void Typed_characters_up_to_enter_make_the_line()
    {
        var line = SecretLineReader.Read(Keys(
            Char('p'), Char('w'), Char(' '), Char('1'), Key(ConsoleKey.Enter, '\r'), Char('z')));

        Assert.Equal("pw 1", line);
    }

    [Fact]
    public void Backspace_removes_the_last_character_and_does_nothing_on_an_empty_line()
    {
        var line = SecretLineReader.Read(Keys(
            Key(ConsoleKey.Backspace, '\b'), Char('a'), Char('b'), Key(ConsoleKey.Backspace, '\b'), Char('c'),
            Key(ConsoleKey.Enter, '\r')));

        Assert.Equal("ac", line);
    }

    [Fact]
    public void Backspace_removes_a_whole_surrogate_pair()
    {
        var line = SecretLineReader.Read(Keys(
            Char('a'), Char('\uD83D'), Char('\uDD11'), Key(ConsoleKey.Backspace, '\b'),
            Key(ConsoleKey.Enter, '\r')));

        Assert.Equal("a", line);
    }

    [Fact]
    public void Other_control_keys_are_ignored()
    {
        var line = SecretLineReader.Read(Keys(
            Key(ConsoleKey.LeftArrow), Char('x'), Key(ConsoleKey.Tab, '\t'), Key(ConsoleKey.Escape, '\u001b'),
            Key(ConsoleKey.Enter, '\r')));

        Assert.Equal("x", line);
    }
}
