// The floor of `launch_word`: a program that does nothing but what every
// daemon must, exec and write the 4-byte launch word on `--channel fd:N`,
// then wait for the end of the stream. Linked against libc alone.
#include <cstdlib>
#include <cstring>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc != 3 || std::strcmp(argv[1], "--channel") != 0 || std::strncmp(argv[2], "fd:", 3) != 0)
    return 2;
  const int fd = std::atoi(argv[2] + 3);
  const unsigned char word[4] = {0xf5, 0xf5, 0x5f, 0xf5};
  if (write(fd, word, sizeof word) != 4) return 1;
  char b[64];
  while (read(fd, b, sizeof b) > 0) {
  }
  return 0;
}
