namespace placeholder {}  // replaced when the example lands
