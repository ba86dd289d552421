package dev.omniid.spark;

public final class Main {
  private Main() {}

  public static void main(String[] args) {
  }
}
