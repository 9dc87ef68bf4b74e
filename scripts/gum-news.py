#!/usr/bin/python3
"""gum-news.py: the Wikinews documents of UD English GUM, for evaluating the syntax model on news.

    scripts/gum-news.py ../shared/treebank/UD_English-GUM/en_gum-ud-test.conllu > /tmp/gum-news-test.conllu
    build/parley eval-syntax /tmp/gum-news-test.conllu

GUM (CC BY-NC-SA 4.0) is for evaluation only: parley never trains on it. This keeps every
sentence of the documents whose "# newdoc id" starts with "GUM_news_", unchanged.
"""
import sys


def main(paths):
    if not paths:
        sys.exit("usage: gum-news.py GUM.conllu...")
    for path in paths:
        keep = False
        block = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("# newdoc id"):
                    keep = line.split("=", 1)[1].strip().startswith("GUM_news_")
                block.append(line)
                if line.strip() == "":
                    if keep:
                        sys.stdout.write("".join(block))
                    block = []
        if block and keep:
            sys.stdout.write("".join(block))


if __name__ == "__main__":
    main(sys.argv[1:])
