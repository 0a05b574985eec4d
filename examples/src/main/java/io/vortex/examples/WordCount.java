package io.vortex.examples;

import io.vortex.api.StreamEnvironment;
import io.vortex.api.function.Collector;
import io.vortex.api.function.KeyedProcessFunction;
import io.vortex.api.function.RuntimeContext;
import io.vortex.api.state.StateDescriptor;
import io.vortex.api.state.ValueState;
import io.vortex.api.source.TextFileSource;
import java.util.Locale;

/**
 * Counts words: maximal runs of letters and digits, lower-cased. Emits {@code word,count} once
 * per distinct word when the input ends, in every mode: the count lives in keyed state and an
 * event-time timer at the end of time fires on the final watermark.
 */
public final class WordCount implements Example {
  @Override
  public String name() {
    return "wordcount";
  }

  @Override
  public String description() {
    return "word,count for every distinct word (runs of letters and digits, lower-cased)";
  }

  @Override
  public void build(StreamEnvironment env, String input, String output) {
    env.fromSource(TextFileSource.lines(input), "read " + input)
        .flatMap(WordCount::tokenize)
        .name("tokenize")
        .keyBy(word -> word)
        .process(new CountAtEnd())
        .name("count")
        .writeAsText(output);
  }

  /** Emits the lower-cased maximal runs of letters and digits of {@code line}. */
  static void tokenize(String line, Collector<String> out) {
    int start = -1;
    for (int i = 0; i < line.length(); ) {
      int cp = line.codePointAt(i);
      boolean wordChar = Character.isLetterOrDigit(cp);
      if (wordChar && start < 0) {
        start = i;
      } else if (!wordChar && start >= 0) {
        out.collect(line.substring(start, i).toLowerCase(Locale.ROOT));
        start = -1;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      out.collect(line.substring(start).toLowerCase(Locale.ROOT));
    }
  }

  /** Counts per word; emits the final count when event time ends. */
  static final class CountAtEnd extends KeyedProcessFunction<String, String, String> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Long> count;

    @Override
    public void open(RuntimeContext context) {
      count = context.state().getState(StateDescriptor.value("count"));
    }

    @Override
    public void processElement(String word, Context<String> ctx, Collector<String> out) {
      Long current = count.value();
      if (current == null) {
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        current = 0L;
      }
      count.update(current + 1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext<String> ctx, Collector<String> out) {
      out.collect(ctx.getCurrentKey() + "," + count.value());
      count.clear();
    }
  }
}
