#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    const char *who = argc > 1 ? argv[1] : "world";
    printf("hello, %s (%zu)\n", who, strlen(who));
    return 0;
}
